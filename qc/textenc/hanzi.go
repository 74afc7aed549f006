package textenc

import (
	"sync"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// About 500 of the most frequent Chinese characters in running text, in
// simplified form and, below, the same list in traditional form. Only
// membership matters; the lists need not be exact frequency ranks.
const (
	frequentSimplified  = "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乱胜哪嗯啊呀吧别谢对不起走快吗么哦嘿妈爸哥姐喜欢"
	frequentTraditional = "的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著下自之年過發後作裡用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還進好小部其些主樣理心她本前開但因只從想實日軍者意無力它與長把機十民第公此已工使情明性知全三又關點正業外將兩高間由問很最重並物手應戰向頭文體政美相見被利什二等產或新己制身果加西斯月話合回特代內信表化老給世位次度門任常先海通教兒原東聲提立及比員解水名真論處走義各入幾口認條平系氣題活爾更別打女變四神總何電數安少報才結反受目太量再感建務做接必場件計管期市直德資命山金指克許統區保至隊形社便空決治展馬科司五基眼書非則聽白卻界達光放強即像難且權思王象完設式色路記南品住告類求據程北邊死張該交規萬取拉格望覺術領共確傳師觀清今切院讓識候帶導爭運笑飛風步改收根幹造言聯持組每濟車親極林服快辦議往元英士證近失轉夫令準布始怎呢存未遠叫台單影具羅字愛擊流備兵連調深商算質團集百需價花黨華城石級整府離況亞請技際約示復病息究線似官火斷精滿支視消越器容照須九增研寫稱企八功嗎包片史委乎查輕易早曾除農找裝廣顯吧阿李標談吃圖念六引歷首醫局突專費號盡另周較注語僅考落青隨選列武紅響雖推勢參希古眾構房半節土投某案黑維革劃敵致陳律足態護七興派孩驗責營星夠章音跟志底站嚴巴例防族供效續施留講型料終答緊黃絕奇察母京段依批群項故按河米圍江織害鬥雙境客紀採舉殺攻父蘇密低朝友訴止細願千值仍男錢破網熱助倒育屬坐帝限船臉職速刻亂勝哪嗯啊呀吧別謝對不起走快嗎麼哦嘿媽爸哥姐喜歡"
)

// codeSet is a set of two-byte codes (lead<<8 | trail).
type codeSet [1 << 16 / 64]uint64

func (s *codeSet) has(code uint16) bool { return s[code>>6]&(1<<(code&63)) != 0 }
func (s *codeSet) add(code uint16)      { s[code>>6] |= 1 << (code & 63) }

var (
	frequentOnce           sync.Once
	frequentGB, frequentB5 codeSet
)

// frequentCodes returns the byte codes of the frequent-character lists in
// GB18030 and Big5, built on first use by encoding the lists with x/text.
func frequentCodes() (gb, b5 *codeSet) {
	frequentOnce.Do(func() {
		fill(&frequentGB, simplifiedchinese.GBK, frequentSimplified)
		fill(&frequentB5, traditionalchinese.Big5, frequentTraditional)
	})
	return &frequentGB, &frequentB5
}

func fill(set *codeSet, enc encoding.Encoding, chars string) {
	e := enc.NewEncoder()
	var buf [8]byte
	for _, r := range chars {
		n, _, err := e.Transform(buf[:], []byte(string(r)), true)
		e.Reset()
		if err == nil && n == 2 {
			set.add(uint16(buf[0])<<8 | uint16(buf[1]))
		}
	}
}
