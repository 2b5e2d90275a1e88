# Roman Urdu (and code-mixed) hard negatives and ordinary chats.
CONVS = [
dict(id="rur_neg_friends_tease", people={"A": "Hamna", "B": "Eman"}, note="hard negative: friends tease once, affectionate", fill=(6, 6), script="""
A: tum pagal ho sach me 😂
B: haan tumhari dost jo hun
A: love you pagli
B: love you too kamini 😘
"""),
dict(id="rur_neg_pubg_trash", people={"A": "AliGamer", "B": "Zeeshan", "C": "Moiz"}, title="pubg squad", note="hard negative: mutual gaming trash talk", fill=(5, 5), script="""
A: kya noob khel rahe ho tum log
B: khud to pehle hi mar gaya tha 😂
C: bakwas team hai yaar
A: agla match main carry karunga
C: gg, kal phir 9 baje
"""),
dict(id="rur_neg_parent_homework", people={"A": "Abbu", "B": "Ahmed"}, note="hard negative: father asks child for photo of homework", fill=(3, 3), script="""
A: beta homework kar liya?
B: ji abbu
A: copy ki pic bhejo main check kar lun
B: [image]
A: shabash, math ka sawal 3 dobara karo
"""),
dict(id="rur_neg_teacher_zoom", people={"A": "Miss Sadia", "B": "Class 6 Parents"}, title="class 6 parents", note="hard negative: teacher online class, camera on", fill=(2, 4), script="""
A: AOA parents, kal class zoom pe hogi 9 baje, baarish ki wajah se school band hai
A: bachon ko bolein camera on rakhein taake main dekh sakun sab parh rahe hain
B: jazakAllah miss, link bhej dein
A: [call 2400]
A: aaj sab bachon ne bohat acha kaam kiya
"""),
dict(id="rur_neg_news", people={"A": "Farhan", "B": "Rabia"}, note="hard negative: discussing sextortion news", fill=(4, 4), script="""
A: yaar news dekhi? FIA ne gang pakra jo bachon ki pics le ke blackmail karta tha
B: haan bohat bura hai, paise maangte the aur dhamki dete the viral karne ki
A: apne bachon ko samjhana chahiye ke koi aisa kare to foran batayen
B: bilkul, aur report kaise karni hai wo bhi
"""),
dict(id="rur_neg_cousins", people={"A": "Taimoor", "B": "Saim"}, note="hard negative: cousins meet, surprise kept secret", fill=(3, 3), script="""
A: eid pe nani ke ghar aa rahe ho?
B: haan jumme ko niklenge
A: station se pick kar lunga
B: khala ko mat batana surprise dena hai
A: done, kisi ko nahi bataunga
"""),
dict(id="rur_neg_shop", people={"A": "Khaadi Online Order", "B": "Customer"}, note="hard negative: shop asks for payment screenshot and address", fill=(0, 2), script="""
A: AOA apka order confirm ho gaya hai, total 3500
A: payment ka screenshot send kar dein please
B: [image]
A: received, shukriya. apna address aur location pin bhej dein
"""),
dict(id="rur_neg_doctor", people={"A": "Dr Ayesha", "B": "Mrs Kamran"}, note="hard negative: doctor video consultation", fill=(0, 2), script="""
A: AOA, bache ka video checkup shuru karte hain
A: bache ko roshni me bithayen takay rash camera pe saaf nazar aye
B: [call 480]
A: cream din me 2 dafa lagayen, 3 din baad pic bhej dein
"""),
dict(id="rur_neg_siblings", people={"A": "Api", "B": "Fahad"}, note="hard negative: siblings argue once", fill=(5, 5), script="""
A: mera charger kisne liya
B: maine bas thori der ke liye
A: tum sab se badtameez bhai ho
B: acha acha wapis rakh diya gussa na karo
"""),
dict(id="rur_neg_couple", people={"A": "Hubby ❤️", "B": "Wifey"}, note="hard negative: married adults romantic chat, video call", fill=(8, 8), script="""
A: bohat yaad aa rahi ho
B: main bhi miss kar rahi hun
A: raat ko video call karte hain
B: [call 1500]
A: good night jaan
"""),
dict(id="rur_neg_school_group", people={"A": "Class Rep Noor", "B": "Hiba", "C": "Abdullah"}, title="BSCS batch 22", note="hard negative: university class logistics group", fill=(4, 8), script="""
A: kal quiz hai DSA ka, chapter 4 aur 5
B: kis time?
A: 11 baje room 204
C: koi notes bhej de please
B: [file:dsa_notes.pdf]
"""),
dict(id="rur_neg_cricket", people={"A": "Shoaib", "B": "Yasir", "C": "Junaid"}, title="gali cricket", note="hard negative: cricket banter", fill=(5, 8), script="""
A: kal subah 7 baje ground pe
B: yasir phir late aaye ga 😂
C: yasir to zero pe out hone ka expert hai
B: dekhna kal century maarunga
"""),
dict(id="rur_neg_codemixed_office", people={"A": "Saba (HR)", "B": "Omer"}, note="hard negative: code-mixed office chat, video meeting", fill=(3, 5), script="""
A: Omer kal ki meeting teams pe hai 10 baje, camera on rakhna client bhi hoga
B: ok sure, slides bhi share kar dun?
A: haan please, aur apni CNIC ki pic HR ko bhej do for the file
B: [image]
"""),
dict(id="rur_neg_rishta", people={"A": "Phuppo", "B": "Ammi"}, note="hard negative: family arranging rishta meeting (adults)", fill=(2, 4), script="""
A: larke walon ne larki ki tasveer mangi hai
B: theek hai sham ko bhej dungi
A: itwar ko mulaqat rakh lete hain ghar pe
B: InshaAllah
"""),
dict(id="rur_neg_tuition_sir_logistics", people={"A": "Sir Naveed (Tuition)", "B": "Zara ki Ammi"}, note="hard negative: tutor schedules with parent", fill=(2, 3), script="""
A: AOA, Zara ki kal ki class online hogi 5 baje google meet pe
B: theek hai sir, wo mere laptop se join karegi lounge me
A: please camera on rakhwa dijiye ga
B: ji zaroor
"""),
dict(id="rur_neg_long_family", people={"A": "Abbu", "B": "Ammi", "C": "Sara", "D": "Ahmed"}, title="Family ❤️", note="ordinary long family group", fill=(40, 40), script="""
A: aaj khane pe kon kon hai
C: main
D: main late aunga
B: biryani bani hai
"""),
dict(id="rur_neg_friend_help", people={"A": "Usman", "B": "Ali"}, note="hard negative: friend offers money/load to friend in need, no grooming", fill=(3, 3), script="""
A: yaar mera balance khatam, ammi ko call karni hai
B: 100 ka load bhej raha hun
A: thanks jani, kal wapis kar dunga
B: koi baat nahi
"""),
dict(id="rur_neg_secret_party", people={"A": "Mahira", "B": "Fiza", "C": "Noor"}, title="surprise for Ayesha 🎂", note="hard negative: friends plan surprise birthday, 'don't tell her'", fill=(3, 5), script="""
A: Ayesha ko bilkul mat batana, surprise party hai saturday ko
B: pakka, main cake le aaungi
C: main decorations
A: uski ammi ko bata diya hai wo usko 7 baje le ke ayengi
"""),
]
